// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;

namespace ZkOs.EraVm.Instructions;

/// <summary>The return kind of a <c>ret</c> entry, as a type argument.</summary>
public interface IReturnKind
{
    static abstract ReturnKind Kind { get; }
}

public struct RetOk : IReturnKind
{
    public static ReturnKind Kind => ReturnKind.Ok;
}

public struct RetRevert : IReturnKind
{
    public static ReturnKind Kind => ReturnKind.Revert;
}

public struct RetPanic : IReturnKind
{
    public static ReturnKind Kind => ReturnKind.Panic;
}

/// <summary>The calling mode of a <c>far_call</c> entry, as a type argument.</summary>
public interface ICallKind
{
    static abstract ExternalCallKind Kind { get; }
}

public struct CallNormal : ICallKind
{
    public static ExternalCallKind Kind => ExternalCallKind.Normal;
}

public struct CallDelegate : ICallKind
{
    public static ExternalCallKind Kind => ExternalCallKind.Delegate;
}

public struct CallMimic : ICallKind
{
    public static ExternalCallKind Kind => ExternalCallKind.Mimic;
}
