using BenchmarkDotNet.Running;

namespace ArabicSearch.Benchmarks;

public static class Program
{
    /// <summary>Runs the suite; exits 1 when any benchmark failed or was invalid, so CI's smoke run catches breakage.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "profile") return Profile.Run(args);
        if (args.Length > 0 && args[0] == "hostile") return HostileProfile.Run(args);
        BenchRun.Start(args);
        try
        {
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToList();
            bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
            if (failed) Console.Error.WriteLine("benchmarks: at least one benchmark failed or was invalid");
            return failed ? 1 : 0;
        }
        finally
        {
            BenchRun.Finish();
        }
    }
}
