using ArabicSearch.Indexing;

namespace ArabicSearch.Tests.Reliability;

/// <summary>The folder fsync that Lucene.Net 4.8 leaves out (see docs/guarantees.md, power loss).</summary>
public class FolderSyncTests
{
    [Test]
    public void SyncFolder_succeeds_on_an_index_folder()
    {
        using var temp = new TempFolder();
        Assert.That(() => DurableNIOFSDirectory.SyncFolder(temp.Path), Throws.Nothing);
    }

    [Test]
    public void SyncFolder_of_a_missing_folder_fails_on_unix()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("folder fsync is a no-op on this OS");
        using var temp = new TempFolder();
        Assert.That(() => DurableNIOFSDirectory.SyncFolder(temp.Combine("missing")), Throws.InstanceOf<IOException>().With.Message.Contains("errno 2"));
    }
}
