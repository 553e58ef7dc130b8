"""基于 TCP 的大文件上传 · Large-file upload over TCP (header: file_name, file_size, md5)."""
import hashlib
import os
import socket
import sys
import tempfile
import threading

from framing import body_size, pack_header, recv_header   # 同目录的 framing.py · framing.py beside us

CHUNK = 64 * 1024   # 每块 64 KiB · 64 KiB per chunk


def progress(label: str, done: int, total: int) -> None:
    """在 stderr 上画文本进度条 · draw a text progress bar on stderr."""
    filled = 30 * done // total if total else 30
    sys.stderr.write(f'\r{label} [{"#" * filled}{"." * (30 - filled)}] {done}/{total} bytes')
    if done == total:
        sys.stderr.write('\n')


def safe_name(name) -> str:
    """只接受普通文件名，不接受路径 · a plain file name only, never a path."""
    if not isinstance(name, str) or name in ('', '.', '..') or '\0' in name:
        raise ValueError(f'refusing file name {name!r}')
    if os.path.basename(name) != name:        # '../evil.txt'、'/etc/passwd' 都会变 · both change
        raise ValueError(f'refusing file name {name!r}: it is a path')
    return name


def receive_file(conn: socket.socket, dest_dir: str, show_progress: bool = True) -> dict:
    """处理一次上传，返回给客户端的答复 · handle one upload; return the reply for the client."""
    header = recv_header(conn)                     # 服务端第 1–4 步 · server steps 1–4
    try:
        name, size = safe_name(header.get('file_name')), body_size(header)
    except ValueError as e:
        return {'ok': False, 'error': str(e)}      # 一个正文字节都不收 · refuse before any body byte
    conn.sendall(pack_header({'ok': True}))        # 报头没问题，请发正文 · header accepted: send the body
    md5 = hashlib.md5()
    # 先写进同目录的临时文件 · write to a temp file in the same directory first
    fd, tmp = tempfile.mkstemp(dir=dest_dir, prefix='.upload-', suffix='.part')
    try:
        with os.fdopen(fd, 'wb') as f:
            remaining = size
            while remaining:                               # 第 5 步：收真实数据 · step 5: the real data
                chunk = conn.recv(min(CHUNK, remaining))   # 不多收一个字节 · not one byte too many
                if not chunk:
                    raise ConnectionError(f'peer closed after {size - remaining} of {size} bytes')
                f.write(chunk)
                md5.update(chunk)
                remaining -= len(chunk)
                if show_progress:
                    progress('recv', size - remaining, size)
        if 'md5' in header and md5.hexdigest() != header['md5']:
            os.remove(tmp)
            return {'ok': False, 'error': 'md5 mismatch', 'md5': md5.hexdigest()}
        os.replace(tmp, os.path.join(dest_dir, name))      # 校验通过才改名 · rename once it checks out
        return {'ok': True, 'saved_as': name, 'size': size, 'md5': md5.hexdigest()}
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)                                 # 不留半截文件 · leave no half-written file
        raise


def serve(dest_dir, host='127.0.0.1', port=0, ready_event=None, max_clients=None, show_progress=True):
    """接收上传；ready_event.address 是实际地址 · accept uploads; see ready_event.address."""
    with socket.create_server((host, port)) as listener:
        if ready_event is not None:
            ready_event.address = listener.getsockname()
            ready_event.set()
        served = 0
        while max_clients is None or served < max_clients:
            conn, _ = listener.accept()
            served += 1
            with conn:
                try:
                    conn.sendall(pack_header(receive_file(conn, dest_dir, show_progress)))
                except (OSError, ValueError) as e:   # 坏客户端拖不垮服务端 · not fatal
                    print(f'upload failed: {e}', file=sys.stderr)


def file_md5(path: str) -> str:
    md5 = hashlib.md5()
    with open(path, 'rb') as f:
        while chunk := f.read(CHUNK):
            md5.update(chunk)
    return md5.hexdigest()


def upload(path, host, port, file_name=None, show_progress=False) -> dict:
    """上传 path，返回服务端的答复 · upload path; return the server's reply."""
    size = os.path.getsize(path)
    header = {                                    # 客户端第 1 步：生成字典 · step 1: the dict
        'file_name': os.path.basename(path) if file_name is None else file_name,
        'file_size': size,
        'md5': file_md5(path),
    }
    with socket.create_connection((host, port)) as sock:
        sock.sendall(pack_header(header))             # 第 2–4 步：前缀 + 报头 · steps 2–4
        reply = recv_header(sock)
        if reply.get('ok'):                            # 被拒绝就不发正文 · refused: send no body
            with open(path, 'rb') as f:
                sent = 0
                while chunk := f.read(CHUNK):          # 第 5 步：分块发送 · step 5: stream in chunks
                    sock.sendall(chunk)
                    sent += len(chunk)
                    if show_progress:
                        progress('send', sent, size)
            reply = recv_header(sock)                  # 服务端的最终答复 · the final reply
        # 等服务端先关（读到 b''）：谁先关由程序决定，不靠碰运气，TIME_WAIT 留在服务端
        # wait for the server's close (b''): who closes first is decided, not raced; TIME_WAIT stays with the server
        sock.recv(1)
    return reply


if __name__ == '__main__':
    with tempfile.TemporaryDirectory() as tmp:
        src, dest = os.path.join(tmp, 'src'), os.path.join(tmp, 'dest')
        os.mkdir(src)
        os.mkdir(dest)
        path = os.path.join(src, 'demo.bin')
        with open(path, 'wb') as f:
            f.write(os.urandom(5 * 1024 * 1024))      # 5 MiB 随机数据 · 5 MiB of random bytes

        ready = threading.Event()
        server = threading.Thread(target=serve, args=(dest,), daemon=True,
                                  kwargs={'ready_event': ready, 'max_clients': 2})
        server.start()
        ready.wait()
        host, port = ready.address                    # 端口 0 换来的真实端口 · the real port behind 0

        reply = upload(path, host, port)
        same = reply['md5'] == file_md5(path) == file_md5(os.path.join(dest, 'demo.bin'))
        print(f"uploaded {reply['saved_as']}: {reply['size']} bytes,",
              'md5 match' if same else 'md5 MISMATCH')

        reply = upload(path, host, port, file_name='../evil.txt')   # 路径穿越 · path traversal
        print('refused:', reply['error'])
        server.join(timeout=5)
        print('files in dest:', os.listdir(dest))
