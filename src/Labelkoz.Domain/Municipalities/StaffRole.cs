namespace Labelkoz.Domain.Municipalities;

/// <summary>A role granted within one municipality; a person is a citizen everywhere else.</summary>
public enum StaffRole
{
    /// <summary>Reviews projects, scores applications, moderates comments.</summary>
    Agent = 1,

    /// <summary>Everything an agent does, plus decisions, calls, staff, branding and settings.</summary>
    Admin = 2,
}
