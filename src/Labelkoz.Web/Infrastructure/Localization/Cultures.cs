using System.Globalization;
using Labelkoz.Domain.Common;

namespace Labelkoz.Web.Infrastructure.Localization;

public static class Cultures
{
    public const string DefaultLanguage = "fr";

    public const string Default = "fr-FR";

    public const string English = "en-GB";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new(Default), new(English)];

    /// <summary>Times are stored in UTC and shown on the clock of metropolitan France (the domain's <see cref="ParisTime"/>).</summary>
    public static readonly TimeZoneInfo Paris = ParisTime.Zone;

    public static DateTime ToParis(DateTime utc) => ParisTime.ToParis(utc);

    public static DateTime FromParis(DateTime local) => ParisTime.FromParis(local);
}
