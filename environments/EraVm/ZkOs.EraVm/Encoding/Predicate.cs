// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>The 3-bit condition in bits 13..15 of every instruction.</summary>
public enum Predicate : byte
{
    Always,
    Gt,
    Lt,
    Eq,
    Ge,
    Le,
    Ne,
    GtOrLt,
}
