// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>The allocator column of <c>system.variants.csv</c>.</summary>
public interface IAllocatorComponent
{
    static abstract IStfMemory CreateMemory();
}
