using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Vigil.Configuration;
using Vigil.Errors;
using Vigil.Health;
using Vigil.Instrumentation;
using Vigil.LocalStore;
using Vigil.Logging;
using Vigil.Metrics;
using Vigil.Redaction;
using Vigil.Resources;
using Vigil.Tracing;

namespace Vigil.Pipeline;

/// <summary>
/// Composes the OpenTelemetry pipeline from validated <see cref="VigilOptions"/>: resource, log
/// enrichment and redaction, one bounded queue per sink and signal, sampling, views, and Vigil's own
/// sources and meters. Both ways in (<c>AddVigil</c> and <see cref="VigilSdk"/>) come through here.
/// </summary>
internal static class VigilPipeline
{
    public static void Add(IServiceCollection services, VigilOptions options, SinkEnvironment sinkEnvironment)
    {
        if (services.Any(d => d.ServiceType == typeof(VigilOptions)))
        {
            throw new InvalidOperationException("Vigil is already added to this service collection; call AddVigil once.");
        }

        var queues = new ExportQueueRegistry(options.Export.MaxQueueSize);
        var redactor = options.Redaction.Enabled ? new Redactor(options.Redaction) : null;
        var scopes = new ScopeCaptureLoggerProvider();
        var resource = ServiceResource.Build(options.Service, Guid.NewGuid().ToString(), Assembly.GetEntryAssembly());
        var store = options.Store.Enabled ?? !options.Otlp.Enabled
            ? new LocalStoreWriter(LocalStorePath.Resolve(options.Store, sinkEnvironment), LocalStorePath.Retention(options.Store), ErrorTrackingOptionsMapper.ToStoreOptions(options.Errors))
            : null;
        if (store is not null)
        {
            LocalStoreAnnouncement.Write(store.Path, options.Console.Enabled, sinkEnvironment);
        }

        var sinks = new SinkFactory(options, queues, sinkEnvironment, resource, store);

        services.AddSingleton(options);
        services.AddSingleton(queues);
        services.AddMetrics();
        services.TryAddSingleton<OperationTracker>();
        services.AddSingleton<SdkMetrics>();
        if (options.Errors.CaptureUnhandled)
        {
            services.AddSingleton<UnhandledExceptionCapture>();
            services.AddHostedService(sp => sp.GetRequiredService<UnhandledExceptionCapture>());
        }

        HealthServices.Add(services, options.Health, options.Logging.MinimumLevel);

        services.AddLogging(logging =>
        {
            logging.AddProvider(scopes);
            logging.AddFilter<ScopeCaptureLoggerProvider>(category: null, LogLevel.None);
            foreach (var (category, level) in options.Logging.MinimumLevel)
            {
                var isDefault = string.Equals(category, LoggingOptions.DefaultCategory, StringComparison.OrdinalIgnoreCase);
                logging.AddFilter<OpenTelemetryLoggerProvider>(isDefault ? null : category, level);
            }
        });

        if (options.Console.Enabled)
        {
            RemoveDefaultConsoleLogger(services);
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(builder => builder.Clear().AddAttributes(resource).AddTelemetrySdk());

        telemetry.WithLogging(
            logs =>
            {
                logs.AddProcessor(new LogRecordEnrichmentProcessor(scopes, redactor));
                foreach (var processor in sinks.CreateLogProcessors())
                {
                    logs.AddProcessor(processor);
                }
            },
            logOptions =>
            {
                logOptions.IncludeFormattedMessage = true;

                // Scopes are folded into attributes by the enrichment processor, where redaction reaches them.
                logOptions.IncludeScopes = false;
            });

        if (options.Tracing.Enabled)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(SamplerFactory.Create(options.Tracing));
                string[] sources = [OperationTracker.InstrumentationName, .. PlatformInstrumentation.Sources(options.Instrumentation), .. options.Tracing.Sources];
                if (options.Instrumentation.AspNetCore)
                {
                    PlatformInstrumentation.RequestAspNetCoreSpanAttributes();
                    tracing.AddInstrumentation(() => new AspNetCoreRequestSpanCompleter());
                }

                tracing.AddSource(sources);
                tracing.AddInstrumentation(() => new ExceptionIdRecorder(SourceNameFilter.Create(sources)));
                if (redactor is not null)
                {
                    tracing.AddProcessor(new SpanRedactionProcessor(redactor));
                }

                foreach (var processor in sinks.CreateSpanProcessors())
                {
                    tracing.AddProcessor(processor);
                }
            });
        }

        if (options.Metrics.Enabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(OperationTracker.InstrumentationName, SdkMetrics.MeterName);
                metrics.AddMeter([.. PlatformInstrumentation.Meters(options.Instrumentation), .. options.Metrics.Meters]);
                metrics.AddInstrumentation(sp => sp.GetRequiredService<SdkMetrics>());
                metrics.AddView(instrument => HistogramAggregation.For(instrument, options.Metrics));
                metrics.SetExemplarFilter(options.Metrics.ExemplarFilter switch
                {
                    ExemplarFilterKind.AlwaysOff => ExemplarFilterType.AlwaysOff,
                    ExemplarFilterKind.AlwaysOn => ExemplarFilterType.AlwaysOn,
                    _ => ExemplarFilterType.TraceBased,
                });

                foreach (var reader in sinks.CreateMetricReaders())
                {
                    metrics.AddReader(reader);
                }
            });
        }
    }

    /// <summary>
    /// The host's default console logger would print every record a second time, beside Vigil's console sink.
    /// </summary>
    private static void RemoveDefaultConsoleLogger(IServiceCollection services)
    {
        const string ConsoleLoggerProvider = "Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider";
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(ILoggerProvider) && services[i].ImplementationType?.FullName == ConsoleLoggerProvider)
            {
                services.RemoveAt(i);
            }
        }
    }
}
