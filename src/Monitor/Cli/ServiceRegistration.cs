using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Feeds;
using Monitor.Feeds.Fetching;
using Monitor.Scheduling;
using Npgsql;

namespace Monitor.Cli;

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
        return services;
    }
}
