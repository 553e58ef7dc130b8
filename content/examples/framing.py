"""自定义报头：4 字节长度 + JSON 报头 + 正文 · Framing: 4-byte length + JSON header + body."""
import json
import socket
import struct

# 网络字节序（大端）、标准 4 字节、无符号 · network order (big-endian), 4 bytes, unsigned
PREFIX = struct.Struct('!I')
# 报头长度上限：坏前缀不能让我们傻等几百 MB · a bad prefix must not make us wait for 600 MB
MAX_HEADER = 64 * 1024


def pack_header(header: dict) -> bytes:
    """长度前缀 + 报头字节 · the length prefix, then the header bytes."""
    header_bytes = json.dumps(header, ensure_ascii=False).encode('utf-8')
    return PREFIX.pack(len(header_bytes)) + header_bytes   # 字节数，不是字符数 · bytes, not chars


def pack_header_classic(header: dict) -> bytes:
    """课程原版（本机字节序 'i'）· classic course version (native order 'i')."""
    header_bytes = json.dumps(header).encode('utf-8')       # ensure_ascii 默认为 True · default True
    return struct.pack('i', len(header_bytes)) + header_bytes   # 本机字节序和大小 · native order, size


def send_msg(sock: socket.socket, header: dict, body: bytes) -> None:
    """发一条消息 · send one message (header['file_size'] must equal len(body))."""
    if header.get('file_size') != len(body):
        raise ValueError(f"file_size is {header.get('file_size')!r} but the body has {len(body)} bytes")
    sock.sendall(pack_header(header) + body)   # 前缀 + 报头 + 正文，一次写完 · all in one write


def recv_exact(sock: socket.socket, n: int) -> bytes:
    """恰好收 n 个字节，对方中途关闭就报错 · exactly n bytes, or raise if the peer closes first."""
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 65536))   # 只要还缺的部分 · ask only for what is missing
        if not chunk:                                 # b'' = 对方已关闭 · b'' = the peer has closed
            raise ConnectionError(f'peer closed after {len(buf)} of {n} bytes')
        buf += chunk
    return bytes(buf)


def recv_header(sock: socket.socket) -> dict:
    """服务端第 1–4 步 · server steps 1–4."""
    (n,) = PREFIX.unpack(recv_exact(sock, PREFIX.size))   # 收 4 字节，解出长度 · 4 bytes → length
    if n > MAX_HEADER:
        raise ValueError(f'header length {n} is over the {MAX_HEADER}-byte limit')
    header = json.loads(recv_exact(sock, n).decode('utf-8'))   # 收报头，解析字典 · header → dict
    if not isinstance(header, dict):
        raise ValueError(f'the header must be a JSON object, got {type(header).__name__}')
    return header


def body_size(header: dict) -> int:
    """报头里的 file_size，必须是 >= 0 的整数 · the header's file_size, an int >= 0."""
    size = header.get('file_size')
    if type(size) is not int or size < 0:
        raise ValueError(f'the header needs a file_size >= 0, got {size!r}')
    return size


def recv_msg(sock: socket.socket) -> tuple:
    """收一条完整消息，返回 (header, body) · receive one whole message."""
    header = recv_header(sock)
    return header, recv_exact(sock, body_size(header))   # 第 5 步 · step 5


if __name__ == '__main__':
    a, b = socket.socketpair()   # 一对已连好的套接字 · a connected pair, no port at all
    with a, b:
        send_msg(a, {'file_name': 'a.txt', 'file_size': 11}, b'hello world')
        send_msg(a, {'file_name': '网络编程笔记.txt', 'file_size': 6}, '你好'.encode('utf-8'))
        for _ in range(2):       # 紧挨着发的两条，照样一条条收 · sent back to back, read one by one
            header, body = recv_msg(b)
            print(header, body.decode('utf-8'))

    h = {'file_name': '网络编程笔记.pdf', 'file_size': 1024}
    for label, frame in [("'!I'", pack_header(h)), ("'i' ", pack_header_classic(h))]:
        print(label, 'prefix', frame[:4].hex(), '->', len(frame) - 4, 'header bytes')
