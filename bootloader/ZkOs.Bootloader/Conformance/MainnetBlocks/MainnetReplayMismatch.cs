// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>One value the replay got differently from the archive node.</summary>
/// <param name="Field">What differs, e.g. <c>gasUsed</c>, <c>logs[2].data</c>, <c>0xabc….storage[0x1]</c>.</param>
/// <param name="Ours">Our value, or a note such as "unchanged" or "absent".</param>
/// <param name="Expected">The node's value, or a note such as "not in difftrace".</param>
public sealed record MainnetReplayMismatch(MainnetReplayCheck Check, string Field, string Ours, string Expected)
{
    public override string ToString() => $"{Field}: ours {Ours}, expected {Expected}";
}
