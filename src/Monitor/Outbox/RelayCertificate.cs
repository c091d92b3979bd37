using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Monitor.Outbox;

/// <summary>
/// Certificate checks for an SMTP relay with a certificate from an internal CA (Smtp:TrustedCertificate). The system's
/// own trust still counts; what it adds is one more root (or a few, from a PEM bundle). A wrong host name or a missing certificate is never accepted.
/// </summary>
public static class RelayCertificate
{
    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trustedRoots)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
                                || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        // An internal CA rarely publishes revocation lists the Monitor can reach; the pinned root is the check.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }
}
