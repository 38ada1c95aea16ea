// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>A consensus-layer withdrawal credited at the end of the block (EIP-4895).</summary>
/// <param name="AmountGwei">In gwei, as the protocol counts it (1 gwei = 10^9 wei).</param>
public sealed record MainnetWithdrawal(ulong Index, ulong ValidatorIndex, Address Address, ulong AmountGwei);
