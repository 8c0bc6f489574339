namespace ArabicSearch.Tests.Reliability;

/// <summary>A seed index whose data is damaged where the default open does not look (a new-user trial's reproduction).</summary>
internal static class DamagedIndex
{
    /// <summary>Indexes the seed articles into <paramref name="dir"/>, then overwrites 16 bytes at offset 200 of its largest file.</summary>
    public static void Make(string dir)
    {
        using (var writer = ArabicSearchEngine.Open(new ArabicSearchOptions { IndexPath = dir }))
        {
            writer.AddOrUpdate(SeedCorpus.Articles);
            writer.Commit();
        }
        OverwriteLargestFile(dir, 200);
    }

    /// <summary>Overwrites 16 bytes of the folder's largest file with 'X' at <paramref name="offset"/> (-1: its middle).</summary>
    public static void OverwriteLargestFile(string dir, int offset)
    {
        var largest = new DirectoryInfo(dir).GetFiles().OrderByDescending(f => f.Length).First();
        var bytes = File.ReadAllBytes(largest.FullName);
        int at = offset >= 0 ? offset : bytes.Length / 2;
        for (int i = 0; i < 16; i++) bytes[at + i] = (byte)'X';
        File.WriteAllBytes(largest.FullName, bytes);
    }
}
