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
    /// <param name="configure">Given the defaults, returns the options. An options without <see cref="ArabicSearchOptions.IndexPath"/> gives an in-memory index (not with <see cref="ArabicSearchOptions.ReadOnly"/>, which needs an index folder: resolving the engine then throws <see cref="ArgumentException"/>).</param>
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
    /// <remarks>
    /// <c>IndexPath</c> is required: a missing or misspelled section, or one without <c>IndexPath</c>, fails here rather
    /// than opening an empty in-memory index that a health check would report healthy. For an in-memory engine use
    /// <see cref="AddArabicSearch(IServiceCollection, Func{ArabicSearchOptions, ArabicSearchOptions})"/>. A key that is
    /// not an option (<c>IndexPth</c>) is refused, and so is <c>ReadOnly</c> without <c>IndexPath</c>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The section is missing or empty, has no <c>IndexPath</c>, has a key
    /// that is not an option, or a value that cannot be bound or is invalid; the message names the section and the key.</exception>
    public static IServiceCollection AddArabicSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Bind(configuration);
        return services.AddArabicSearch(_ => options);
    }

    /// <summary>As <see cref="AddArabicSearch(IServiceCollection, IConfiguration)"/>, for an engine named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">As for the unnamed overload, or an engine with that name is already registered.</exception>
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
        var section = configuration as IConfigurationSection;
        string where = section is not null ? $"configuration section '{section.Path}'" : "the configuration";
        string key = section is not null ? $"{section.Path}:{nameof(ArabicSearchOptions.IndexPath)}" : nameof(ArabicSearchOptions.IndexPath);
        // A missing or misspelled section binds to the defaults, which would open an empty in-memory index that reports
        // healthy: refused, so that a typo fails at start-up. An in-memory engine is registered with the delegate overload.
        if (section is not null && !section.Exists())
            throw new InvalidOperationException($"ArabicSearch options in {where} are invalid: the section is missing or empty; it needs at least the key '{key}' (the index folder).");
        ArabicSearchOptions options;
        try
        {
            // An unknown key (IndexPth, TitleBoost) is an error, not silently ignored.
            options = configuration.Get<ArabicSearchOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new ArabicSearchOptions();
            if (options.IndexPath is null)
                throw new InvalidOperationException($"the key '{key}' (the index folder) is missing; a configuration always names an on-disk index.");
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
        options.Validate(); // before CreateInMemory, which would drop ReadOnly
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
                if (engine.DamageFound is { } damage)
                    return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, damage.Message, null, new Dictionary<string, object> { ["documents"] = documents }));
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
