// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Crypto;

public sealed partial class Keccak256
{
    /// <summary>
    /// Incremental Keccak-256, for hashing a concatenation (e.g. key ‖ slot) without first copying
    /// it into one buffer. <c>default</c> is a fresh hasher. It is a mutable struct of about 350
    /// bytes: keep it in a local and pass it by <c>ref</c>; copying it forks the hash.
    /// </summary>
    /// <remarks>
    /// Whole blocks are absorbed directly from the caller's spans; only a partial block is copied
    /// into the internal buffer. <see cref="Finish(Span{byte})"/> does not modify the hasher, so it
    /// yields the digest of everything so far and more data may follow.
    /// </remarks>
    public struct Hasher
    {
        private KeccakLanes _state;
        private KeccakBlock _buffer;
        private int _buffered;

        public Hasher()
        {
        }

        /// <summary>Appends <paramref name="data"/> to the message.</summary>
        public void Update(ReadOnlySpan<byte> data)
        {
            if (_buffered > 0)
            {
                int take = Math.Min(Rate - _buffered, data.Length);
                data[..take].CopyTo(((Span<byte>)_buffer)[_buffered..]);
                _buffered += take;
                if (_buffered < Rate)
                    return;
                data = data[take..];
                Absorb(ref _state, ref _buffer[0], 1);
                _buffered = 0;
            }

            int blocks = data.Length / Rate;
            if (blocks > 0)
            {
                Absorb(ref _state, ref MemoryMarshal.GetReference(data), blocks);
                data = data[(blocks * Rate)..];
            }

            data.CopyTo(_buffer);
            _buffered = data.Length;
        }

        /// <summary>Writes the digest of the data so far to the first 32 bytes of <paramref name="output"/>.</summary>
        /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
        public readonly void Finish(Span<byte> output)
        {
            if (output.Length < OutputSize)
                ThrowOutputTooSmall(output.Length);
            KeccakLanes state = _state;
            AbsorbLast(ref state, ((ReadOnlySpan<byte>)_buffer)[.._buffered]);
            WriteDigest(in state, output);
        }

        /// <summary>The digest of the data so far.</summary>
        public readonly Bytes32 Finish()
        {
            KeccakLanes state = _state;
            AbsorbLast(ref state, ((ReadOnlySpan<byte>)_buffer)[.._buffered]);
            return ToBytes32(in state);
        }

        /// <summary>Forgets all data, as if freshly created.</summary>
        public void Reset() => this = default;
    }
}
