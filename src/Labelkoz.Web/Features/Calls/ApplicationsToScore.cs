using Labelkoz.Data;
using Labelkoz.Domain.Calls;

namespace Labelkoz.Web.Features.Calls;

/// <summary>
/// What a reviewer still has to score: the submitted applications of the city's closed calls (in
/// review) that they did not apply with, did not declare a conflict on, and have not scored yet.
/// One definition for the back office's dashboard and the calls list's "à noter" view.
/// </summary>
public static class ApplicationsToScore
{
    public static IQueryable<CallApplication> By(AppDbContext db, long reviewerUserId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CallApplications.Where(a =>
            a.Status == ApplicationStatus.Submitted
            && a.ApplicantUserId != reviewerUserId
            && db.Calls.Any(c => c.Id == a.CallId && c.Status == CallStatus.Review)
            && !db.ApplicationScores.Any(s => s.ApplicationId == a.Id && s.ReviewerUserId == reviewerUserId)
            && !db.ConflictsOfInterest.Any(x => x.ApplicationId == a.Id && x.ReviewerUserId == reviewerUserId));
    }
}
