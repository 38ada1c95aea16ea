// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>One transaction's entry of <c>prestatetrace.json</c>: every account and slot it touched, as they stood before it.</summary>
public sealed record MainnetTransactionPrestate(Bytes32 TxHash, IReadOnlyDictionary<Address, MainnetAccountTrace> Accounts);
