// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Tests;

/// <summary>Arbitrary bytecode fails its frame, never the host: random programs run to an end without throwing.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData(0x1_0001ul)]
    [InlineData(0x8001ul)]
    public void RandomBytecode_AnyWords_EndsWithoutThrowing(ulong address)
    {
        var random = new Random(20261122);
        var world = new InMemoryEraWorld();
        var contract = Address.FromUInt64(address);
        var machine = new EraVmMachine(world);
        var outcomes = new Dictionary<MachineStatus, int>();
        for (var run = 0; run < 1_500; run++)
        {
            var code = new byte[32 * (1 + 2 * random.Next(8))];
            random.NextBytes(code);
            // Keep most opcode fields inside the defined part of the table so real instructions run.
            for (var i = 0; i < code.Length; i += 8)
            {
                var opcode = random.Next(1104);
                code[i + 6] = (byte)((code[i + 6] & 0xF8) | (opcode >> 8));
                code[i + 7] = (byte)opcode;
            }
            // Some programs call themselves, so far calls, returns and pointers cross frames.
            world.Deploy(contract, code);
            machine.Start(new RootLaunch(contract, contract, DecodedProgram.Decode(code), code.AsMemory(0, 32), 5_000_000));

            var status = machine.Run(20_000);

            Assert.NotEqual(MachineStatus.Running, status);
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
        }
        Assert.True(outcomes.GetValueOrDefault(MachineStatus.Panicked) > 0);
    }
}
