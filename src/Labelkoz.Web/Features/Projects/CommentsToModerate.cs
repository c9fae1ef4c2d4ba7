using System.Linq.Expressions;
using Labelkoz.Domain.Projects;

namespace Labelkoz.Web.Features.Projects;

public static class CommentsToModerate
{
    /// <summary>The comments waiting for the city: reported and still visible, or awaiting approval (the moderation page lists them, the dashboard counts them).</summary>
    public static readonly Expression<Func<Comment, bool>> Rule =
        c => (c.State == CommentState.Visible && c.OpenReportCount > 0) || c.State == CommentState.Pending;
}
