using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ArabicSearch;

/// <summary>Registers ArabicSearch with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="ArabicSearchEngine"/> as a singleton, opened on first use from the options
    /// <paramref name="configure"/> returns, and disposed with the service provider. The container's
    /// <see cref="ILoggerFactory"/>, when there is one, is used unless the options name another.
    /// </summary>
    /// <example><code>services.AddArabicSearch(options => options with { IndexPath = "index" });</code></example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Given the defaults, returns the options. An options without <see cref="ArabicSearchOptions.IndexPath"/> gives an in-memory index.</param>
    public static IServiceCollection AddArabicSearch(this IServiceCollection services, Func<ArabicSearchOptions, ArabicSearchOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(provider =>
        {
            var options = configure(new ArabicSearchOptions());
            if (options.LoggerFactory is null && provider.GetService<ILoggerFactory>() is { } loggers) options = options with { LoggerFactory = loggers };
            return options.IndexPath is null ? ArabicSearchEngine.CreateInMemory(options) : ArabicSearchEngine.Open(options);
        });
        return services;
    }
}
