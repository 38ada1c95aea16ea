// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;

namespace ZkOs.Framework.Tests.Crypto;

public class HashAllocationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    [InlineData(200)]
    [InlineData(5000)]
    public void Hash_AfterWarmUp_AllocatesNothing(int length)
    {
        var input = new byte[length];
        var output = new byte[32];
        var ripemdOutput = new byte[20];

        void HashAll()
        {
            Keccak256.Hash(input, output);
            _ = Keccak256.Hash(input);
            Blake2s256.Hash(input, output);
            _ = Blake2s256.Hash(input);
            Sha256Hash.Hash(input, output);
            Ripemd160Hash.Hash(input, ripemdOutput);

            var keccak = new Keccak256.Hasher();
            keccak.Update(input);
            keccak.Update(input);
            keccak.Finish(output);
            var blake = new Blake2s256.Hasher();
            blake.Update(input);
            blake.Update(input);
            _ = blake.Finish();
        }

        HashAll(); // JIT, thread-static scratch buffers
        long before = GC.GetAllocatedBytesForCurrentThread();
        HashAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
