using System.Diagnostics;
using System.Text;

namespace ArabicSearch.Tests.Reliability;

/// <summary>Runs the console host (copied next to the tests) in a child process.</summary>
internal static class CliHost
{
    private static string Dll => Path.Combine(TestContext.CurrentContext.TestDirectory, "ArabicSearch.Cli.dll");

    /// <summary>The dotnet host that runs these tests, so the child uses the same runtime.</summary>
    private static string DotnetHost
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
            if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            return "dotnet";
        }
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    /// <summary>Starts the host; its output is collected into <paramref name="stderr"/> as it comes.</summary>
    public static Process Start(StringBuilder stderr, params string[] args)
    {
        var info = StartInfo(args);
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    /// <summary>Runs the host to its end and returns its exit code, standard output and standard error.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var info = StartInfo(args);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"arabicsearch {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Waits for <paramref name="condition"/>, polling; false when it did not come within <paramref name="timeout"/>.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout) return false;
            Thread.Sleep(10);
        }
        return true;
    }
}
