// SPDX-License-Identifier: MIT
namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// The value-diff strategies (reference §7.3), as the low three bits of the metadata byte
/// <c>(length &lt;&lt; 3) | kind</c>. Declaration order is the tie-break order: on equal length the
/// earlier kind is kept.
/// </summary>
public enum ValueDiffKind : byte
{
    /// <summary>Metadata 0x00 then the 32-byte final value (33 bytes in all).</summary>
    Nothing = 0,

    /// <summary>The payload is <c>final - initial</c>: valid when final ≥ initial.</summary>
    Add = 1,

    /// <summary>The payload is <c>initial - final</c>: valid when initial ≥ final.</summary>
    Sub = 2,

    /// <summary>The payload is the final value itself with its leading zero bytes stripped.</summary>
    Transform = 3,
}
