namespace Labelkoz.Web.Features.Projects;

/// <summary>The query values of the staff's project list that other pages link to (the dashboard's work).</summary>
public static class ProjectListFilters
{
    public const string VisibilityAwaiting = "en-attente";
    public const string ViewAwaitingConfirmation = "a-confirmer";
    public const string AssigneeMe = "moi";
    public const string AssigneeNobody = "personne";
}
