using System.Globalization;

namespace Labelkoz.Web.Infrastructure.Localization;

public static class Cultures
{
    public const string DefaultLanguage = "fr";

    public const string Default = "fr-FR";

    public const string English = "en-GB";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new(Default), new(English)];

    /// <summary>Times are stored in UTC and shown on the clock of metropolitan France.</summary>
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime ToParis(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    public static DateTime FromParis(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Paris);
}
