using Labelkoz.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Labelkoz.Web.Infrastructure.Persistence;

/// <summary>
/// The database could not take the request now (the node's connection pool exhausted, PostgreSQL
/// refusing connections, SQLite's file locked past its timeout): the request is answered 503 with
/// <c>Retry-After</c> and a French message, never 500. Nothing was half-written: every write of the
/// platform is one transaction, rolled back with the exception.
/// </summary>
public static partial class DatabaseBusy
{
    /// <summary>Seconds the client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Title = "Le service est momentanément surchargé.";

    public const string Detail = "Trop de demandes arrivent en même temps : rien n'a été enregistré. Réessayez dans quelques secondes.";

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database is saturated, not broken.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 53300 too_many_connections, 57P03 cannot_connect_now (starting, shutting down, a standby promoting).
                case PostgresException { SqlState: "53300" or "57P03" }:
                // Npgsql's "The connection pool has been exhausted…" carries a TimeoutException.
                case NpgsqlException { InnerException: TimeoutException }:
                // SQLITE_BUSY, SQLITE_LOCKED: another writer held the file longer than the busy timeout.
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Answers 503 with <c>Retry-After</c>: a problem to an API or webhook request, a short French
    /// page to anyone else. The page is written here, not by the error page: re-running the pipeline
    /// would need the database that just refused.
    /// </summary>
    public sealed partial class Handler(IStringLocalizer<SharedResource> l, ILogger<Handler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            if (!Is(exception))
            {
                return false;
            }

            LogBusy(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "no-store";
            // The request's own path (the handler may be called after the path was set to the error page's).
            var path = new PathString(httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value);
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/webhooks", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(title: l[Title], detail: l[Detail], statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);
                return true;
            }

            var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="{encoder.Encode(language)}">
                <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{encoder.Encode(l[Title])}</title><link rel="stylesheet" href="/css/site.css" /></head>
                <body><main id="contenu" class="container"><h1>{encoder.Encode(l[Title])}</h1><p>{encoder.Encode(l[Detail])}</p><p><a href="/">{encoder.Encode(l["Retour à l'accueil de Labelkoz"])}</a></p></main></body>
                </html>
                """,
                cancellationToken);
            return true;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "The database was saturated during {Method} {Path}: answered 503.")]
        private static partial void LogBusy(ILogger logger, Exception exception, string method, string path);
    }
}
