// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>Generator helpers the FsCheck fluent API lacks.</summary>
internal static class PrecompileGenerators
{
    public static Gen<(T1, T2, T3)> Zip3<T1, T2, T3>(Gen<T1> first, Gen<T2> second, Gen<T3> third) =>
        Gen.Zip(Gen.Zip(first, second), third, (ab, c) => (ab.Item1, ab.Item2, c));

    public static Gen<byte> AnyByte { get; } = Gen.Choose(0, 255).Select(b => (byte)b);

    public static Gen<byte[]> Bytes(int length) => Gen.ArrayOf(AnyByte, length);
}
