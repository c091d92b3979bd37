using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Monitor.Warehouse;

namespace Monitor.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (scripts/ensure-test-tools.sh installs it) with its Maildir handler.
/// Start and stop it to simulate a relay that is up or down; read what it received with MimeKit.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private static readonly Lazy<string> Python = new(FindPython);
    private Process? _process;

    public int Port { get; private set; } = LocalCluster.FreeLoopbackPort();
    private readonly string _root = Directory.CreateTempSubdirectory("monitor-smtp-").FullName;
    /// <summary>aiosmtpd creates the Maildir (tmp/new/cur) only when the folder does not exist yet.</summary>
    public string Maildir => Path.Combine(_root, "maildir");

    /// <summary>The relay asks for STARTTLS with this certificate (PEM files), then for this login, before it takes mail
    /// (Support/smtp_tls_auth_relay.py).</summary>
    public sealed record TlsAndLogin(string CertificatePem, string KeyPem, string User, string Password);

    private readonly TlsAndLogin? _tlsAndLogin;

    private SmtpTestServer(TlsAndLogin? tlsAndLogin) => _tlsAndLogin = tlsAndLogin;

    public static async Task<SmtpTestServer> StartAsync(TlsAndLogin? tlsAndLogin = null)
    {
        var server = new SmtpTestServer(tlsAndLogin);
        // The free port is found by binding and releasing it: when another process took it in between, the relay cannot
        // bind and exits, and another port does.
        for (var attempt = 1; ; attempt++)
        {
            try { await server.UpAsync(); return server; }
            catch (RelayExitedException) when (attempt < 3) { server.Port = LocalCluster.FreeLoopbackPort(); }
        }
    }

    private sealed class RelayExitedException(string message) : InvalidOperationException(message);

    public async Task UpAsync()
    {
        if (_process is { HasExited: false }) return;
        var psi = new ProcessStartInfo(Python.Value)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var args = _tlsAndLogin is { } t
            ? new[] { Path.Combine(RepoPaths.Root, "tests", "Monitor.Tests", "Support", "smtp_tls_auth_relay.py"), "127.0.0.1", $"{Port}", Maildir,
                      t.CertificatePem, t.KeyPem, t.User, t.Password }
            : ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir];
        foreach (var a in args) psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new RelayExitedException($"aiosmtpd stopte meteen (exitcode {_process.ExitCode}).");
            try
            {
                // Up when an SMTP server greets on the port and it is ours (still running), not just any listener.
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                using var reader = new StreamReader(probe.GetStream());
                var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
                if (greeting?.StartsWith("220") == true && !_process.HasExited) return;
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"aiosmtpd luistert niet op poort {Port}.");
    }

    public async Task DownAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first. aiosmtpd adds X-RcptTo with the envelope recipients.</summary>
    public List<MimeMessage> Received()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).OrderBy(DeliveryOrder.Key);
        return files.Select(f => MimeMessage.Load(f)).ToList();
    }

    /// <summary>
    /// Python's Maildir names a message "&lt;seconds&gt;.M&lt;microseconds&gt;P&lt;pid&gt;Q&lt;counter&gt;.&lt;host&gt;": ordered
    /// by those numbers it is the order of delivery. File times are too coarse for messages a few microseconds apart,
    /// and the microseconds are not zero-padded, so the names do not sort as text.
    /// </summary>
    private static partial class DeliveryOrder
    {
        [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+)\.M(\d+)P\d+Q(\d+)\.")]
        private static partial System.Text.RegularExpressions.Regex Name();

        public static (long Seconds, long Microseconds, long Counter) Key(string path)
        {
            var m = Name().Match(Path.GetFileName(path));
            if (!m.Success) throw new InvalidOperationException($"Geen Maildir-naam van Python: {path}");
            return (long.Parse(m.Groups[1].Value), long.Parse(m.Groups[2].Value), long.Parse(m.Groups[3].Value));
        }
    }

    public static IReadOnlyList<string> EnvelopeRecipients(MimeMessage m) =>
        (m.Headers["X-RcptTo"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async ValueTask DisposeAsync()
    {
        await DownAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    /// <summary>The python that has aiosmtpd: Debian's /usr/bin/python3 when another python3 comes first on PATH.</summary>
    private static string FindPython()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("MONITOR_TEST_PYTHON"), "/usr/bin/python3", "python3" })
        {
            if (string.IsNullOrEmpty(candidate)) continue;
            try
            {
                var psi = new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, RedirectStandardOutput = true };
                using var p = Process.Start(psi)!;
                p.WaitForExit(10_000);
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception) { /* not installed */ }
        }
        throw new InvalidOperationException("Geen python3 met aiosmtpd gevonden; draai scripts/ensure-test-tools.sh.");
    }
}
