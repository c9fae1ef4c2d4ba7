using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Labelkoz.Web.Features.Projects.Propose;

/// <summary>
/// The holder's pages. A request naming no handler the page has (a POST to a page without a
/// plain <c>OnPost</c>, or <c>?handler=</c> something unknown) would render the page with nothing
/// loaded: it is answered "not found" instead of failing.
/// </summary>
public abstract class ProposePageModel : PageModel
{
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }

        return base.OnPageHandlerExecutionAsync(context, next);
    }
}
