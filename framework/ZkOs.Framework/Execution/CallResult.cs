// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>The outcome of a call, handed to the caller's <see cref="IExecutionFrame.ContinueAfterCall"/>.</summary>
public readonly struct CallResult
{
    public CallResultKind Kind { get; init; }

    /// <summary>The callee's return or revert data; valid until the caller yields again.</summary>
    public ReadOnlyMemory<byte> ReturnData { get; init; }

    public bool IsSuccess => Kind == CallResultKind.Successful;
}
