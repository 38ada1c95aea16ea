// SPDX-License-Identifier: MIT
namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// The account-diff variants (reference §7.3), each value being the metadata byte itself: the low
/// three bits are 4 (the kind after the four value-diff kinds) and the high five bits pick the
/// variant.
/// </summary>
public enum AccountDiffKind : byte
{
    /// <summary>
    /// Variant 0, <c>0b00000100</c>: <c>versioning(8) ‖ nonce diff ‖ balance diff ‖ bytecode_len(4)
    /// ‖ bytecode ‖ artifacts_len(4) ‖ observable_len(4)</c>.
    /// </summary>
    Full = 0b0000_0100,

    /// <summary>Variant 1: only the nonce changed; the nonce diff follows.</summary>
    NonceOnly = (1 << 3) | 4,

    /// <summary>Variant 2: only the balance changed; the balance diff follows.</summary>
    BalanceOnly = (2 << 3) | 4,

    /// <summary>Variant 3: nonce and balance changed; the nonce diff then the balance diff.</summary>
    NonceAndBalance = (3 << 3) | 4,

    /// <summary>
    /// Variant 4, <c>0b00100100</c>, for force deployments (<c>not_publish_bytecode</c>): as
    /// <see cref="Full"/> but <c>bytecode_hash(32)</c> replaces <c>bytecode_len ‖ bytecode</c>,
    /// governance having published the bytecode separately.
    /// </summary>
    ForceDeploy = 0b0010_0100,
}
