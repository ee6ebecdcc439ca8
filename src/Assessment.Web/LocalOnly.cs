using Microsoft.AspNetCore.Http;

namespace Assessment.Web;

/// <summary>
/// The workbench answers only to its own name: a request whose Host is not the loopback (localhost, 127.0.0.1, [::1],
/// any port) or the host given with --host is refused with 400 – a page elsewhere cannot reach it through a DNS name
/// that points at 127.0.0.1 (DNS rebinding). A write (any method but GET and HEAD) that carries an Origin other than
/// the workbench's own, or that the browser marks as cross-site, gets 403.
/// </summary>
internal static class LocalOnly
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public static Func<HttpContext, RequestDelegate, Task> Check(string? host) => async (context, next) =>
    {
        var request = context.Request;
        if (!Allowed(request.Host.Host, host))
        {
            await Refuse(context, StatusCodes.Status400BadRequest,
                $"värdnamnet \"{request.Host.Value}\" tas inte emot: arbetsbänken svarar bara på localhost och 127.0.0.1{(host is null ? "" : $" och {host}")}");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var origin = request.Headers.Origin.ToString();
            var crossSite = request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site";
            if (crossSite || (origin.Length > 0 && !SameOrigin(origin, request)))
            {
                await Refuse(context, StatusCodes.Status403Forbidden,
                    $"ändringar tas bara emot från arbetsbänkens egna sidor, inte från {(origin.Length > 0 ? origin : "en annan webbplats")}");
                return;
            }
        }
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers["X-Frame-Options"] = "DENY";
        context.Response.Headers["Referrer-Policy"] = "same-origin"; // "no-referrer" would make the browser send "Origin: null" with the pages' own forms
        await next(context);
    };

    public static bool Allowed(string requestHost, string? given) =>
        Loopback.Contains(requestHost, StringComparer.OrdinalIgnoreCase)
        || (given is not null && string.Equals(requestHost.Trim('[', ']'), given.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The Origin names this server as the request reached it: scheme, host and port alike.</summary>
    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Request.Path.StartsWithSegments("/api")
            ? Api.JsonResult(Api.Error(message), status).ExecuteAsync(context)
            : context.Response.WriteAsync(Html.Page("Nekad", $"<p class=\"fel\">{Html.E(message)}</p>"));
    }
}
