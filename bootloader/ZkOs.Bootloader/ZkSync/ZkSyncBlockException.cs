// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// A block that cannot be built: an internal error of ZKsync OS (a zero native price, an oracle that
/// cannot answer) or a transaction form this implementation does not run yet. The block fails as a
/// whole, with this message; the host reports it and carries on.
/// </summary>
public sealed class ZkSyncBlockException(string message, Exception? inner = null) : Exception(message, inner);
