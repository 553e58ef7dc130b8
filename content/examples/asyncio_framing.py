"""第 6 章的报头协议，换成 asyncio：readexactly() 收满为止 · Chapter 6's framing with asyncio: readexactly().

一帧 = 4 字节长度（'!I'）+ UTF-8 JSON 报头 + file_size 个字节的正文；编码规则来自同目录的 framing.py。
A frame = a 4-byte length ('!I') + a UTF-8 JSON header + file_size body bytes; the header encoding
is framing.py's (same folder).
python3 asyncio_framing.py [--cut whole|1|stream_demo] [--truncate]
  --cut whole        每帧一次 write（默认）· one write per frame (default)
  --cut 1            整个字节流一次 1 个字节地写 · the whole stream one byte per write
  --cut stream_demo  按课程 stream_demo 的 recv 边界切开两帧 · the two stream_demo frames, cut where
                     the course's stream_demo recv() calls cut them
  --truncate         对方在帧中间关闭：IncompleteReadError · the peer closes mid-frame
"""
import argparse
import asyncio
import json
import socket

from framing import MAX_HEADER, PREFIX, body_size, pack_header   # 同目录的 framing.py · framing.py beside us

HOST = '127.0.0.1'
TIMEOUT = 5.0                    # 每次等待的上限（秒）· no wait lasts longer than this
MAX_BODY = 1024 * 1024           # 演示把正文放进内存；真正的文件服务器该分块写盘 · a demo keeps bodies in memory

# 课程测试向量里带正文的样例（framing_vectors.json 和 stream_demo），照抄在这里，测试逐字节核对
# The samples of the course vectors that have a body (framing_vectors.json and stream_demo), copied
# here; the tests compare them with the JSON byte for byte.
SAMPLES = [
    ('ascii small file', {'file_name': 'a.txt', 'file_size': 11}, b'hello world'),
    ('empty body', {'file_name': 'empty.bin', 'file_size': 0}, b''),
    ('stream_demo frame 2', {'file_name': '网络编程笔记.txt', 'file_size': 6}, '你好'.encode('utf-8')),
]
# 只有报头的样例：正文太大（1 KiB 到 4 GiB+1），这里只打印报头帧 · header-only samples (bodies of
# 1 KiB to 4 GiB+1): only their header frames are printed
HEADER_ONLY = [
    ('chinese file name', {'file_name': '网络编程笔记.pdf', 'file_size': 1024}),
    ('large size (4 GiB+1, exceeds 32-bit)', {'file_name': 'movie.mkv', 'file_size': 4294967297}),
    ('mixed chinese+emoji, extra keys',
     {'file_name': '抢票_测试😀.mp4', 'file_size': 2147483647, 'md5': 'd41d8cd98f00b204e9800998ecf8427e'}),
]
# stream_demo：第 1、3 个样例背靠背发出，接收方的 recv() 在这些长度处切开 · stream_demo: samples 1
# and 3 back to back; the receiver's recv() calls cut them into pieces of these lengths
STREAM_DEMO = [SAMPLES[0], SAMPLES[2]]
STREAM_DEMO_CUTS = [3, 4, 13, 25, 15, 59]


def frame(header, body):
    """报头帧 + 正文 · the header frame, then the body."""
    if body_size(header) != len(body):
        raise ValueError(f"file_size is {header['file_size']} but the body has {len(body)} bytes")
    return pack_header(header) + body


async def read_frame(reader):
    """读一帧；对方在两帧之间关闭就返回 None · read one frame; None if the peer closed between frames.

    对方在帧中间关闭，readexactly() 抛 IncompleteReadError，e.partial 是已收到的字节。
    If the peer closes mid-frame, readexactly() raises IncompleteReadError; e.partial holds what came.
    """
    try:
        prefix = await reader.readexactly(PREFIX.size)       # 1. 4 字节长度 · 4 bytes of length
    except asyncio.IncompleteReadError as e:
        if not e.partial:                                    # 0 字节：干净地结束 · 0 bytes: a clean end
            return None
        raise
    (n,) = PREFIX.unpack(prefix)
    if n > MAX_HEADER:
        raise ValueError(f'header length {n} is over the {MAX_HEADER}-byte limit')
    header = json.loads((await reader.readexactly(n)).decode('utf-8'))   # 2. 报头 · the header
    if not isinstance(header, dict):
        raise ValueError('the header must be a JSON object')
    size = body_size(header)
    if size > MAX_BODY:
        raise ValueError(f'a body of {size} bytes is over this demo\'s {MAX_BODY}-byte limit')
    return header, await reader.readexactly(size)           # 3. 正文 · the body


async def handle(reader, writer, outcomes):
    """服务端：一帧一帧地收，直到对方关闭 · the server: frame after frame until the peer closes."""
    parsed = []
    try:
        while True:
            got = await read_frame(reader)
            if got is None:
                print(f'server: the client closed between frames after {len(parsed)} frame(s)')
                break
            header, body = got
            parsed.append(got)
            print(f'server parsed frame {len(parsed)}: header {json.dumps(header, ensure_ascii=False)}, '
                  f'body {len(body)} bytes [{body.hex()}]')
    except asyncio.IncompleteReadError as e:                # 帧中间断了 · cut off mid-frame
        print(f'server: IncompleteReadError after {len(parsed)} frame(s): the peer closed after '
              f'{len(e.partial)} of {e.expected} bytes (partial {e.partial!r})')
    finally:
        writer.close()
        await writer.wait_closed()
        await outcomes.put(parsed)


async def send(port, chunks, pause):
    """客户端：每块一次 write · the client: one write per chunk."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
    writer.get_extra_info('socket').setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # 小块立刻发 · send small writes at once
    try:
        for chunk in chunks:
            writer.write(chunk)
            await writer.drain()
            await asyncio.sleep(pause)      # 让服务端在两次 write 之间先读 · let the server read in between
    finally:
        writer.close()                      # 发 FIN：服务端读到 EOF · FIN: the server reads EOF
        await writer.wait_closed()


def cut(data, sizes):
    """按长度把字节切块 · cut bytes into pieces of these sizes."""
    pieces, at = [], 0
    for size in sizes:
        pieces.append(data[at:at + size])
        at += size
    assert at == len(data), 'the cuts must cover the stream exactly'
    return pieces


async def main(mode, truncate):
    outcomes = asyncio.Queue()
    server = await asyncio.start_server(lambda r, w: handle(r, w, outcomes), HOST, 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        if truncate:
            print(f'== asyncio framing on {HOST}:{port}: frames cut off by a close ==')
            whole = frame(*SAMPLES[0][1:])
            for label, data in [('body', whole[:-6]), ('length prefix', whole[:2])]:
                print(f'client sends {len(data)} of {len(whole)} bytes, then closes (cut in the {label}): '
                      f'[{data.hex()}]')
                await send(port, [data], 0)
                await asyncio.wait_for(outcomes.get(), TIMEOUT)
            return
        print(f'== asyncio framing on {HOST}:{port}, cut: {mode} ==')
        samples = STREAM_DEMO if mode == 'stream_demo' else SAMPLES
        if mode == 'whole':
            for label, header in [(s[0], s[1]) for s in SAMPLES] + HEADER_ONLY:
                print(f'header frame {label!r}: [{pack_header(header).hex()}]')
        frames = [frame(header, body) for _, header, body in samples]
        for i, ((label, _, _), data) in enumerate(zip(samples, frames), 1):
            print(f'client frame {i} {label!r} ({len(data)} bytes): [{data.hex()}]')
        stream = b''.join(frames)
        if mode == 'whole':
            chunks, pause = frames, 0
        elif mode == '1':
            chunks, pause = [stream[i:i + 1] for i in range(len(stream))], 0
        else:
            chunks, pause = cut(stream, STREAM_DEMO_CUTS), 0.01
            for i, chunk in enumerate(chunks, 1):
                print(f'client chunk {i}/{len(chunks)} ({len(chunk)} bytes): [{chunk.hex()}]')
        print(f'client writes {len(stream)} bytes in {len(chunks)} write(s)')
        await send(port, chunks, pause)
        parsed = await asyncio.wait_for(outcomes.get(), TIMEOUT)
        same = parsed == [(header, body) for _, header, body in samples]
        print(f'summary: {len(samples)} frames sent, {len(parsed)} parsed, all equal: {same}')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description="chapter 6's framing protocol over asyncio streams")
    parser.add_argument('--cut', choices=['whole', '1', 'stream_demo'], default='whole',
                        help='how the client cuts its writes')
    parser.add_argument('--truncate', action='store_true', help='close the connection mid-frame')
    args = parser.parse_args()
    asyncio.run(main(args.cut, args.truncate))
