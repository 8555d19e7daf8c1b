//! A small SMTP server on loopback for the tests: it answers as a real server does
//! (greeting, EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every message it is
//! given, and can be stopped, so a test can see delivery fail and then succeed.

use std::sync::{Arc, Mutex};

use actix_web::rt::net::{TcpListener, TcpStream};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

#[derive(Clone, Default)]
pub struct Received(Arc<Mutex<Vec<String>>>);

impl Received {
    /// Every message's whole text (headers and body), in the order received.
    pub fn messages(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    /// The Subject header of each message.
    pub fn subjects(&self) -> Vec<String> {
        self.messages()
            .iter()
            .filter_map(|m| {
                m.lines()
                    .find_map(|l| l.strip_prefix("Subject: ").map(str::to_string))
            })
            .collect()
    }
}

pub struct SmtpServer {
    pub port: u16,
    pub received: Received,
    task: actix_web::rt::task::JoinHandle<()>,
}

impl SmtpServer {
    /// Listen on a free loopback port (or `port`, to come back on the same one).
    pub async fn start(port: u16) -> SmtpServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Received::default();
        let keep = received.clone();
        let task = actix_web::rt::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let keep = keep.clone();
                actix_web::rt::spawn(async move {
                    let _ = session(stream, keep).await;
                });
            }
        });
        SmtpServer {
            port,
            received,
            task,
        }
    }

    /// Stop listening (connections already open end with it).
    pub fn stop(self) -> Received {
        self.task.abort();
        self.received
    }
}

async fn session(stream: TcpStream, received: Received) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 test.invalid ESMTP ready\r\n").await?;
    while let Some(line) = lines.next_line().await? {
        let command = line.to_ascii_uppercase();
        if command.starts_with("EHLO") {
            write
                .write_all(b"250-test.invalid\r\n250-8BITMIME\r\n250 SIZE 10000000\r\n")
                .await?;
        } else if command.starts_with("HELO")
            || command.starts_with("MAIL")
            || command.starts_with("RCPT")
            || command.starts_with("RSET")
            || command.starts_with("NOOP")
        {
            write.write_all(b"250 OK\r\n").await?;
        } else if command.starts_with("DATA") {
            write.write_all(b"354 go ahead\r\n").await?;
            let mut message = String::new();
            while let Some(l) = lines.next_line().await? {
                if l == "." {
                    break;
                }
                message.push_str(l.strip_prefix('.').unwrap_or(&l));
                message.push('\n');
            }
            received.0.lock().unwrap().push(message);
            write.write_all(b"250 queued\r\n").await?;
        } else if command.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 not implemented\r\n").await?;
        }
    }
    Ok(())
}
