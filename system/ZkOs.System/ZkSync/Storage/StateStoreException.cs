// SPDX-License-Identifier: MIT
namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// A state store could not be opened, read or written, or holds data that is not a valid state: a
/// corrupt or foreign file, a database locked by another process, leaves that do not hash to the
/// stored root. <see cref="Location"/> names the store (the database path) and the message says what
/// is wrong with it.
/// </summary>
public sealed class StateStoreException : Exception
{
    public StateStoreException(string location, string message, Exception? innerException = null)
        : base($"state store '{location}': {message}", innerException)
    {
        Location = location;
    }

    /// <summary>The store's location: a database path, or "memory".</summary>
    public string Location { get; }
}
