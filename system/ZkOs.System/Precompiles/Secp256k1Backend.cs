// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles;

/// <summary>Which secp256k1 implementation recovers signatures.</summary>
public enum Secp256k1Backend : byte
{
    /// <summary><see cref="Secp256k1"/>: pure C#, always present.</summary>
    Managed = 0,

    /// <summary><see cref="NativeSecp256k1"/>: the system's libsecp256k1, when it can be loaded.</summary>
    Native,
}
