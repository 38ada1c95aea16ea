// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>
/// KZG point evaluation at 0x0a (EIP-4844). Not implemented yet: every call reports
/// <see cref="PrecompileStatus.Unsupported"/>, charging and producing nothing, so that callers surface the gap
/// instead of running on a fake result. (The snapshot treats 0x0a as an empty account, reference/zksync-os.md
/// §4.8; Ethereum Cancun runs the real check, which needs KZG and the trusted setup.)
/// </summary>
public sealed class PointEvaluationPrecompile : IPrecompile
{
    /// <summary>EIP-4844's price, for when the check arrives.</summary>
    public const ulong Gas = 50_000;

    public static PointEvaluationPrecompile Instance { get; } = new();

    private PointEvaluationPrecompile()
    {
    }

    public ushort Address => 0x0a;

    public string Name => "point_evaluation";

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output) =>
        PrecompileStatus.Unsupported;
}
