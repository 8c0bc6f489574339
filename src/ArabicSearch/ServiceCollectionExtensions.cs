using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ArabicSearch;

/// <summary>Registers ArabicSearch with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="ArabicSearchEngine"/> as a singleton, opened on first use from the options
    /// <paramref name="configure"/> returns, and disposed with the service provider. The container's
    /// <see cref="ILoggerFactory"/>, when there is one, is used unless the options name another.
    /// For several indexes, register each under a name with <see cref="AddArabicSearch(IServiceCollection, string, Func{ArabicSearchOptions, ArabicSearchOptions})"/>.
    /// </summary>
    /// <example><code>services.AddArabicSearch(options => options with { IndexPath = "index" });</code></example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Given the defaults, returns the options. An options without <see cref="ArabicSearchOptions.IndexPath"/> gives an in-memory index.</param>
    /// <exception cref="InvalidOperationException">An unnamed engine is already registered.</exception>
    public static IServiceCollection AddArabicSearch(this IServiceCollection services, Func<ArabicSearchOptions, ArabicSearchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(ArabicSearchEngine) && !d.IsKeyedService))
            throw new InvalidOperationException("An unnamed ArabicSearchEngine is already registered; register further indexes by name: AddArabicSearch(\"name\", …), then inject [FromKeyedServices(\"name\")] ArabicSearchEngine.");
        services.AddSingleton(provider => OpenEngine(provider, configure(new ArabicSearchOptions())));
        return services;
    }

    /// <summary>
    /// Registers an <see cref="ArabicSearchEngine"/> as a keyed singleton named <paramref name="name"/>, so one
    /// application can serve several indexes. Resolve it with <c>GetRequiredKeyedService&lt;ArabicSearchEngine&gt;(name)</c>
    /// or <c>[FromKeyedServices(name)]</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">An engine with that name is already registered.</exception>
    public static IServiceCollection AddArabicSearch(this IServiceCollection services, string name, Func<ArabicSearchOptions, ArabicSearchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(d => d.ServiceType == typeof(ArabicSearchEngine) && d.IsKeyedService && Equals(d.ServiceKey, name)))
            throw new InvalidOperationException($"An ArabicSearchEngine named '{name}' is already registered.");
        services.AddKeyedSingleton(name, (provider, _) => OpenEngine(provider, configure(new ArabicSearchOptions())));
        return services;
    }

    /// <summary>
    /// Registers an unnamed engine whose options are bound from <paramref name="configuration"/> (keys as the
    /// properties of <see cref="ArabicSearchOptions"/>: <c>IndexPath</c>, <c>ReadOnly</c>, <c>RefreshInterval</c> as
    /// <c>00:00:02</c>, …). The options are bound and validated here, at start-up, not on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The section cannot be bound or its values are invalid; the message names the section.</exception>
    public static IServiceCollection AddArabicSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Bind(configuration);
        return services.AddArabicSearch(_ => options);
    }

    /// <summary>As <see cref="AddArabicSearch(IServiceCollection, IConfiguration)"/>, for an engine named <paramref name="name"/>.</summary>
    public static IServiceCollection AddArabicSearch(this IServiceCollection services, string name, IConfiguration configuration)
    {
        var options = Bind(configuration);
        return services.AddArabicSearch(name, _ => options);
    }

    /// <summary>
    /// Adds a health check that reports the unnamed engine healthy when
    /// its index opens and can be read, with the document count in the report's data, and unhealthy with the reason otherwise.
    /// </summary>
    /// <remarks>The check is named <c>arabicsearch</c>, or <c>arabicsearch:KEY</c> for a keyed engine, and tagged <c>arabicsearch</c>.</remarks>
    public static IHealthChecksBuilder AddArabicSearch(this IHealthChecksBuilder builder) => AddCheck(builder, null);

    /// <summary>As <see cref="AddArabicSearch(IHealthChecksBuilder)"/>, for the engine registered under <paramref name="serviceKey"/>.</summary>
    public static IHealthChecksBuilder AddArabicSearch(this IHealthChecksBuilder builder, string serviceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        return AddCheck(builder, serviceKey);
    }

    private static IHealthChecksBuilder AddCheck(IHealthChecksBuilder builder, string? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string name = "arabicsearch";
        return builder.Add(new HealthCheckRegistration(serviceKey is null ? name : $"{name}:{serviceKey}",
            provider => new EngineHealthCheck(provider, serviceKey), failureStatus: null, tags: ["arabicsearch"]));
    }

    private static ArabicSearchOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string where = configuration is IConfigurationSection s ? $"configuration section '{s.Path}'" : "the configuration";
        ArabicSearchOptions options;
        try
        {
            options = configuration.Get<ArabicSearchOptions>() ?? new ArabicSearchOptions();
            options.Validate();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"ArabicSearch options in {where} are invalid: {e.Message}", e);
        }
        return options;
    }

    private static ArabicSearchEngine OpenEngine(IServiceProvider provider, ArabicSearchOptions options)
    {
        if (options.LoggerFactory is null && provider.GetService(typeof(ILoggerFactory)) is ILoggerFactory loggers) options = options with { LoggerFactory = loggers };
        return options.IndexPath is null ? ArabicSearchEngine.CreateInMemory(options) : ArabicSearchEngine.Open(options);
    }

    private sealed class EngineHealthCheck(IServiceProvider provider, string? key) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var engine = key is null ? provider.GetRequiredService<ArabicSearchEngine>() : provider.GetRequiredKeyedService<ArabicSearchEngine>(key);
                int documents = engine.Count;
                return Task.FromResult(HealthCheckResult.Healthy($"{documents} documents", new Dictionary<string, object> { ["documents"] = documents }));
            }
#pragma warning disable CA1031 // a health check reports every failure rather than throwing it
            catch (Exception e)
            {
                return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, e.Message, e));
            }
#pragma warning restore CA1031
        }
    }
}
