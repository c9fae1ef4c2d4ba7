using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Labelkoz.Web.Infrastructure.Tenancy;

/// <summary>
/// Authorises pages by the folder they live in, whatever the area: a page under an <c>Admin</c>
/// folder (<c>Features/Funding/Admin/…</c>) is for the current city's staff, a page under an
/// <c>Operator</c> folder is for the platform operator. A new staff page is protected by being put
/// where it belongs; pages may add a stricter policy (an admin only) on top.
/// </summary>
public sealed class StaffFolderAuthorization : IPageApplicationModelConvention
{
    public const string CityStaffFolder = "Admin";
    public const string OperatorFolder = "Operator";

    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (PolicyFor(model.ViewEnginePath) is { } policy)
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
        }
    }

    /// <summary>The policy a page's folder asks for, or null for a public page.</summary>
    public static string? PolicyFor(string viewEnginePath)
    {
        ArgumentNullException.ThrowIfNull(viewEnginePath);
        var folders = viewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[..^1];
        if (folders.Contains(OperatorFolder, StringComparer.Ordinal))
        {
            return Policies.Operator;
        }

        return folders.Contains(CityStaffFolder, StringComparer.Ordinal) ? Policies.CityStaff : null;
    }
}
