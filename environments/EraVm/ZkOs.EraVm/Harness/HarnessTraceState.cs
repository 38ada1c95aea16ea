// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;

namespace ZkOs.EraVm.Harness;

internal sealed class HarnessTraceState(InMemoryEraWorld world)
{
    public InMemoryEraWorld World { get; } = world;

    public Dictionary<DecodedProgram, HarnessProgram> Programs { get; } = new(ReferenceEqualityComparer.Instance);

    public string? RevertReached { get; set; }
}
