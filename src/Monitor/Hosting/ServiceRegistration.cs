using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Alerts;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Scheduling;
using Npgsql;
using Monitor.Digests;
using Monitor.Digests.College;
using Monitor.Outbox;

namespace Monitor.Hosting;

public static class ServiceRegistration
{
    /// <summary>Everything the verbs and jobs need. One data source for the whole process; options validated at start.</summary>
    public static IServiceCollection AddMonitorServices(this IServiceCollection services, IConfiguration config, NpgsqlDataSource db)
    {
        services.AddLogging(b => b.AddConfiguration(config.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        services.AddSingleton(db);
        services.AddSingleton(config);
        services.AddSingleton(FeedCatalog.From(config));
        services.AddOptions<FetchPolicyOptions>().BindConfiguration("Fetching").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DropFolderOptions>().BindConfiguration("DropFolders").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FetchPolicyOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DropFolderOptions>>().Value);
        services.AddSingleton<FeedCircuitBreakers>();
        services.AddSingleton<HttpFeedFetcher>();
        services.AddSingleton<FeedSource>(sp => new FeedSource(sp.GetRequiredService<HttpFeedFetcher>(), sp.GetRequiredService<DropFolderOptions>()));
        services.AddSingleton<FeedRunner>();
        services.AddSingleton<Compute.ComputeService>();
        services.AddTransient<FeedJob>();
        services.AddTransient<ComputeJob>();
        services.AddSingleton<Schedule>();
        // Issue 15: Serve and Schedule bound like every other section; StartupSettings checked them already with Dutch messages.
        services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ServeOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScheduleOptions>>().Value);
        services.AddMonitorOutputs();
        // Issue 14: the interventieladder the Monitor proposes steps from.
        services.AddOptions<Analysis.ToezichtOptions>().BindConfiguration("Toezicht").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Analysis.ToezichtOptions>>().Value);
        return services;
    }

    /// <summary>Alerts, outbox and digests (issue 5): options "Alerts", "Smtp", "Outbox", "Digest".</summary>
    private static IServiceCollection AddMonitorOutputs(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration("Alerts").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration("Smtp").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration("Outbox").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration("Digest").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AlertOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DigestOptions>>().Value);
        services.AddSingleton(sp => new DashboardLinkOptions(sp.GetRequiredService<DigestOptions>().DashboardUrl));
        services.AddSingleton<MailTransportFactory>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<AlertData>();
        services.AddSingleton<AlertRunner>();
        services.AddSingleton<DigestData>();
        services.AddSingleton<DigestRunner>();
        services.AddTransient<AlertJob>();
        services.AddTransient<DigestJob>();
        services.AddTransient<OutboxJob>();
        // Issue 13: the college digest per gemeente.
        services.AddSingleton<CollegeData>();
        services.AddSingleton<CollegeRunner>();
        services.AddTransient<CollegeJob>();
        return services;
    }
}
