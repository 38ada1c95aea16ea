// SPDX-License-Identifier: MIT
namespace ZkOs.System.ZkSync.Storage;

/// <summary>What a stored preimage is. The values are persisted: never renumber them.</summary>
public enum PreimageKind : byte
{
    /// <summary>The 124-byte encoded AccountProperties whose hash a 0x8003 slot holds (§4.3).</summary>
    AccountProperties = 1,

    /// <summary>Deployed bytecode (with any artifacts) whose hash an account's bytecode_hash holds.</summary>
    Bytecode = 2,
}
