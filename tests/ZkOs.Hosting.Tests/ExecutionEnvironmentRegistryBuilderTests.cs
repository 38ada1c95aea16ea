// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting.Tests;

public sealed class ExecutionEnvironmentRegistryBuilderTests
{
    [Fact]
    public void AddBuiltIn_UnderItsOwnByte_FoundByThatByteOnly()
    {
        var evm = new FakeEnvironment(EeType.Evm, "EVM");

        var registry = new ExecutionEnvironmentRegistryBuilder().AddBuiltIn(evm, "evm").Build();

        for (var type = 0; type < 256; type++)
            Assert.Equal(type == EeType.Evm, registry.Contains((byte)type));
        Assert.True(registry.TryGet(EeType.Evm, out var found));
        Assert.Same(evm, found);
        Assert.Equal(RegisteredEnvironment.BuiltInOrigin, registry.GetRegistration(EeType.Evm)!.Origin);
    }

    [Fact]
    public void AddBuiltIn_TypeByteZero_Reserved()
    {
        var error = Assert.Throws<ExecutionEnvironmentLoadException>(
            () => new ExecutionEnvironmentRegistryBuilder().AddBuiltIn(new FakeEnvironment(EeType.None, "Nothing")));

        Assert.Equal(ExecutionEnvironmentLoadError.ReservedType, error.Error);
        Assert.Contains("cannot be given to 'Nothing' (ZkOs.Hosting.Tests.FakeEnvironment, built-in)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBuiltIn_AnotherAbi_NamesBothVersions()
    {
        var error = Assert.Throws<ExecutionEnvironmentLoadException>(
            () => new ExecutionEnvironmentRegistryBuilder().AddBuiltIn(new FakeEnvironment(5, "Old", abiVersion: FrameworkAbi.Version - 1)));

        Assert.Equal(ExecutionEnvironmentLoadError.AbiVersionMismatch, error.Error);
        Assert.Contains($"ABI version {FrameworkAbi.Version - 1}, but this host's ZkOs.Framework has ABI version {FrameworkAbi.Version}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBuiltIn_SameByteTwice_NamesBoth()
    {
        var builder = new ExecutionEnvironmentRegistryBuilder().AddBuiltIn(new FakeEnvironment(1, "First"), "first");

        var error = Assert.Throws<ExecutionEnvironmentLoadException>(() => builder.AddBuiltIn(new FakeEnvironment(1, "Second"), "second"));

        Assert.Equal(ExecutionEnvironmentLoadError.DuplicateType, error.Error);
        Assert.StartsWith(
            "Type byte 1 is claimed twice: by 'First' (ZkOs.Hosting.Tests.FakeEnvironment, built-in 'first') and by 'Second' (ZkOs.Hosting.Tests.FakeEnvironment, built-in 'second').",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThenAddMore_EarlierRegistryUnchanged()
    {
        var builder = new ExecutionEnvironmentRegistryBuilder().AddBuiltIn(new FakeEnvironment(1, "EVM"));
        var first = builder.Build();

        builder.AddBuiltIn(new FakeEnvironment(2, "EraVM"));

        Assert.Equal(1, first.Count);
        Assert.Null(first.Find(2));
        Assert.Equal(2, builder.Build().Count);
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.Equal(0, ExecutionEnvironmentRegistry.Empty.Count);
        Assert.Null(ExecutionEnvironmentRegistry.Empty.Find(1));
    }
}
