using System.Globalization;
using Labelkoz.Domain.Calls;
using Labelkoz.Web.Tests.Infrastructure;
using Labelkoz.Web.Tests.Infrastructure.Builders;

namespace Labelkoz.Web.Tests.Calls;

/// <summary>What the tests of a call's review share: a call waiting to be scored, and scoring it as the staff do, through the form.</summary>
public static class CallReviewSteps
{
    /// <summary>
    /// A closed call of <paramref name="city"/> scored on Impact (60 %) and Faisabilité (40 %), one
    /// submitted application per applicant ("Candidature de {name}"), none scored yet; with
    /// <paramref name="pdf"/>, each application answers the call's one question, a file, with it.
    /// </summary>
    public static Task<TestCall> InReviewAsync(this AppFactory app, TestCity city, string title, int winners, byte[]? pdf, params TestUser[] applicants) =>
        app.Given.Call(city, new CallSpec
        {
            Title = title,
            State = CallState.Review,
            Winners = winners,
            Applicants = applicants,
            Criteria = [new CriterionTerms("Impact", 60), new CriterionTerms("Faisabilité", 40)],
            ScoredByAgent = false,
            FileAnswer = pdf,
        });

    /// <summary>Scores one application through its page's form, as <paramref name="browser"/>'s account; expects the redirect of a saved score.</summary>
    public static async Task ScoreAsync(this TestBrowser browser, TestCall call, long applicationId, int impact, int feasibility, string? comment = null)
    {
        var page = await browser.GetAsync(call.ApplicationPath(applicationId));
        var fields = new Dictionary<string, string>
        {
            ["note-" + call.Criteria[0].ToString(CultureInfo.InvariantCulture)] = impact.ToString(CultureInfo.InvariantCulture),
            ["note-" + call.Criteria[1].ToString(CultureInfo.InvariantCulture)] = feasibility.ToString(CultureInfo.InvariantCulture),
        };
        if (comment is not null)
        {
            fields["commentaire-" + call.Criteria[0].ToString(CultureInfo.InvariantCulture)] = comment;
        }

        var result = await browser.SubmitAsync(page, "form#notation", fields);
        Assert.True(result.IsRedirect, result.MainText);
    }
}
