// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>An L2→L1 message: the sender, the data and keccak(data).</summary>
public sealed record L1Message(Address Sender, byte[] Data, Bytes32 Hash);
