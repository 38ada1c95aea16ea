// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>Why a frame handed control back to the runner.</summary>
public enum PreemptionKind : byte
{
    CallRequest,
    DeploymentRequest,
    Completed,
}
