using Labelkoz.Domain.Common;
using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Labelkoz.Web.Infrastructure.Web;

/// <summary>
/// A page whose form may be refused by a domain rule: after the refusal the filter asks it to load
/// what it displays again, then shows the page with the reason next to the form.
/// </summary>
public interface IReloadablePage
{
    Task LoadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Answers 404 to a request for a handler the page does not have, and turns a <see cref="DomainException"/> (or a lost concurrency race) thrown by a page handler into
/// a message on the form, in the person's language, instead of a 500: next to the input the refusal
/// names (<see cref="ModelStateRefusals"/>, with the page's <see cref="IRefusalFields"/> when it has
/// one), and always in the form's summary.
/// Nothing was saved: pages call the domain before their single <c>SaveChangesAsync</c>.
/// </summary>
public sealed class DomainExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        // A request naming no handler the page has (a POST without one, or an unknown ?handler=)
        // would otherwise render the page without its data. A GET is only refused on a page that
        // has GET handlers: a page without any renders as it is.
        if (context.HandlerMethod is null && (!IsRead(context.HttpContext.Request.Method) || context.ActionDescriptor.HandlerMethods.Any(h => IsRead(h.HttpMethod))))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var executed = await next();
        if (executed.ExceptionHandled || executed.Exception is not (DomainException or DbUpdateConcurrencyException))
        {
            return;
        }

        executed.ExceptionHandled = true;
        var page = (PageModel)context.HandlerInstance;
        if (executed.Exception is DomainException refusal)
        {
            // Next to the input the rule is about (Input.{Field} by convention), or for the whole form.
            var fields = page as IRefusalFields;
            page.ModelState.AddRefusal(refusal, Localizer(context), fields?.RefusalPrefix ?? ModelStateRefusals.DefaultPrefix, fields?.RefusalFieldMap);
        }
        else
        {
            page.ModelState.AddModelError(string.Empty, Localizer(context)["Quelqu'un a modifié ces informations en même temps que vous. Vérifiez-les et recommencez."].Value);
        }

        if (page is IReloadablePage reloadable)
        {
            // A fresh context: the failed one may hold half-applied changes.
            foreach (var entry in context.HttpContext.RequestServices.GetRequiredService<Data.AppDbContext>().ChangeTracker.Entries().ToList())
            {
                entry.State = EntityState.Detached;
            }

            await reloadable.LoadAsync(context.HttpContext.RequestAborted);
        }

        executed.Result = new PageResult();
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    private static IStringLocalizer Localizer(PageHandlerExecutingContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
}
