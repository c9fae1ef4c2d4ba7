namespace Labelkoz.Web.Infrastructure.Storage;

/// <summary>Where uploaded files live: outside wwwroot, never executed, served through our own endpoints.</summary>
public interface IFileStore
{
    Task<string> SaveAsync(string area, ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken);

    Stream? OpenRead(string key);

    void Delete(string key);
}

/// <summary>Files in a folder on disk (a shared volume when several web nodes run).</summary>
public sealed class LocalFileStore(DataDirectory dataDirectory) : IFileStore
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(dataDirectory.Path, "files")).FullName;

    public async Task<string> SaveAsync(string area, ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        if (area.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-') || extension.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new ArgumentException("Invalid storage area or extension.", nameof(area));
        }

        var key = $"{area}/{Guid.CreateVersion7():N}.{extension}";
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken);
        return key;
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return path is not null && File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string? PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(_root, key));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}

/// <summary>The folder that holds the SQLite database, uploaded files and the development mail sink.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string path)
    {
        Path = Directory.CreateDirectory(path).FullName;
    }

    public string Path { get; }
}
