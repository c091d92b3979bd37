using System.ComponentModel.DataAnnotations;

namespace Monitor.Feeds.Fetching;

/// <summary>How drop folders tell a finished upload from one in progress (configuration section "DropFolders").</summary>
public sealed class DropFolderOptions
{
    /// <summary>A file changed more recently than this may still be uploading; it waits for the next run.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")] public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Endings upload tools and browsers give files in progress; such files are never picked up.
    /// An array, so configuration replaces the list instead of appending to it.</summary>
    public string[] PartialSuffixes { get; set; } = [".part", ".tmp", ".crdownload"];
}
