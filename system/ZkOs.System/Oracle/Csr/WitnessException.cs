// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// A witness that cannot be what a forward run recorded: truncated, with words left over, unreadable as
/// a file, or inconsistent with the state it claims (a proof that does not reach the root, a preimage
/// that does not hash to its key). The proving run stops; nothing it computed is reported.
/// </summary>
public sealed class WitnessException(string message) : Exception(message);
