// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Crypto;

public sealed partial class Blake2s256
{
    /// <summary>
    /// Incremental BLAKE2s-256, for hashing a concatenation without first copying it into one
    /// buffer. <c>default</c> is a fresh hasher. It is a mutable struct of about 110 bytes: keep it
    /// in a local and pass it by <c>ref</c>; copying it forks the hash.
    /// </summary>
    /// <remarks>
    /// BLAKE2 flags the last block, so the hasher always holds back the most recent block (full or
    /// not) until more data proves it is not the last. <see cref="Finish(Span{byte})"/> does not
    /// modify the hasher, so it yields the digest of everything so far and more data may follow.
    /// </remarks>
    public struct Hasher
    {
        // Stored XORed with the initial chaining value so that the all-zero default struct is a
        // valid fresh hasher (no constructor can be forced on a struct).
        private Blake2sWords _chainDelta;
        private Blake2sBlock _buffer;
        private ulong _compressed;
        private int _buffered;

        public Hasher()
        {
        }

        /// <summary>Appends <paramref name="data"/> to the message.</summary>
        public void Update(ReadOnlySpan<byte> data)
        {
            if (data.IsEmpty)
                return;

            if (_buffered + data.Length > BlockSize)
            {
                Blake2sWords h = Chain();
                if (_buffered > 0)
                {
                    // Top up the held-back block: more data follows it, so it is not the last.
                    int take = BlockSize - _buffered;
                    data[..take].CopyTo(((Span<byte>)_buffer)[_buffered..]);
                    data = data[take..];
                    _compressed += BlockSize;
                    Compress(ref h, ref _buffer[0], 1, _compressed, finalBlock: false);
                    _buffered = 0;
                }

                // Compress whole blocks straight from the input, holding back the last (1..64 bytes).
                int blocks = (data.Length - 1) / BlockSize;
                if (blocks > 0)
                {
                    Compress(ref h, ref MemoryMarshal.GetReference(data), blocks, _compressed + BlockSize, finalBlock: false);
                    _compressed += (ulong)blocks * BlockSize;
                    data = data[(blocks * BlockSize)..];
                }
                SetChain(in h);
            }

            data.CopyTo(((Span<byte>)_buffer)[_buffered..]);
            _buffered += data.Length;
        }

        /// <summary>Writes the digest of the data so far to the first 32 bytes of <paramref name="output"/>.</summary>
        /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
        public readonly void Finish(Span<byte> output)
        {
            if (output.Length < OutputSize)
                ThrowOutputTooSmall(output.Length);
            Blake2sWords h = Chain();
            CompressLast(ref h, ((ReadOnlySpan<byte>)_buffer)[.._buffered], _compressed + (ulong)_buffered);
            WriteDigest(in h, output);
        }

        /// <summary>The digest of the data so far.</summary>
        public readonly Bytes32 Finish()
        {
            Blake2sWords h = Chain();
            CompressLast(ref h, ((ReadOnlySpan<byte>)_buffer)[.._buffered], _compressed + (ulong)_buffered);
            return ToBytes32(in h);
        }

        /// <summary>Forgets all data, as if freshly created.</summary>
        public void Reset() => this = default;

        private readonly Blake2sWords Chain()
        {
            Blake2sWords h = InitialState();
            for (int i = 0; i < 8; i++)
                h[i] ^= _chainDelta[i];
            return h;
        }

        private void SetChain(in Blake2sWords h)
        {
            Blake2sWords initial = InitialState();
            for (int i = 0; i < 8; i++)
                _chainDelta[i] = h[i] ^ initial[i];
        }
    }
}
